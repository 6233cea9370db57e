/**
 * Purge-chain mode: loads a person's chains, steps and animates along a path (its timer), and
 * keeps the slider on the current step, so each step shows the network as it fell.
 */
import { fetchChain } from '../api.js';
import { setCertainChains } from '../state/analysis.js';
import { answersChain, atEnd, chainFailed, chainLoaded, highlight, selectPath, setChainCertainOnly, stepChain, type ChainState } from '../state/chain.js';
import { pause, setDay } from '../state/time.js';
import { renderChain } from '../ui/chain.js';
import type { ExplorerContext } from './context.js';

export class ChainController {
  private chainTimer: number | undefined;

  /** `redrawPanel` draws the side panel again (the animate button says whether it plays). */
  constructor(
    private readonly app: ExplorerContext,
    private readonly redrawPanel: () => void,
  ) {}

  /** Asks for the chain as the state holds it (person and source families); a stale answer is dropped. */
  async load(personId: string): Promise<void> {
    const families = this.app.store.get().chain?.families ?? [];
    try {
      const paths = await fetchChain(personId, families);
      this.app.update((s) => (answersChain(s.chain, personId, families) ? { ...s, chain: chainLoaded(s.chain, paths) } : s));
      this.syncDay();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.app.update((s) => (answersChain(s.chain, personId, families) ? { ...s, chain: chainFailed(s.chain, message) } : s));
    }
  }

  stopAnimation(): void {
    window.clearInterval(this.chainTimer);
    this.chainTimer = undefined;
  }

  /** The chain's panel, wired to this controller. */
  panel(chain: ChainState): HTMLElement {
    return renderChain(chain, this.app.names.get(chain.personId) ?? chain.personId, this.app.sources, this.chainTimer !== undefined, {
      onPath: (i) => {
        this.app.update((x) => (x.chain === null ? x : { ...x, chain: selectPath(x.chain, i) }));
        this.syncDay();
      },
      onStep: (d) => this.step(d),
      onAnimate: () => this.toggleAnimation(),
      onCertainOnly: (on) => {
        this.stopAnimation();
        this.app.update((x) => ({ ...x, analysis: setCertainChains(x.analysis, on), chain: x.chain === null ? null : setChainCertainOnly(x.chain, on) }));
        this.syncDay();
      },
      onExit: () => this.app.setMode('network'),
    });
  }

  /** In chain mode the slider follows the chain. */
  private syncDay(): void {
    const chain = this.app.store.get().chain;
    if (chain === null) return;
    const day = highlight(chain).day;
    if (day !== null) this.app.update((s) => ({ ...s, time: setDay(pause(s.time), day) }));
  }

  private step(delta: number): void {
    this.app.update((s) => (s.chain === null ? s : { ...s, chain: stepChain(s.chain, delta) }));
    this.syncDay();
  }

  private toggleAnimation(): void {
    if (this.chainTimer !== undefined) {
      this.stopAnimation();
      this.redrawPanel();
      return;
    }
    const chain = this.app.store.get().chain;
    if (chain !== null && atEnd(chain)) this.app.update((s) => (s.chain === null ? s : { ...s, chain: { ...s.chain, step: 0 } }));
    this.chainTimer = window.setInterval(() => {
      const c = this.app.store.get().chain;
      if (c === null || atEnd(c)) {
        this.stopAnimation();
        this.redrawPanel();
        return;
      }
      this.step(1);
    }, 1400);
    this.redrawPanel();
  }
}
