/** Boot: load the timeline once, restore the permalink, then hand over to the explorer. */
import './styles.css';
import { fetchTimeline } from './api.js';
import { Explorer } from './explorer.js';
import { decode } from './state/permalink.js';
import { showError, showMessage } from './ui/status.js';

async function boot(): Promise<void> {
  showMessage('Loading the timeline of factions, people and events…');
  try {
    const timeline = await fetchTimeline();
    if (timeline.persons.length === 0) {
      showError('The knowledge base is empty: no people are recorded. Seed it (npm run seed) and reload.');
      return;
    }
    const explorer = new Explorer(timeline, decode(window.location.search));
    await explorer.start();
  } catch (error) {
    showError(`Could not load the timeline: ${error instanceof Error ? error.message : String(error)}`, () => void boot());
  }
}

void boot();
