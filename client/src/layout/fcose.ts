/** Registers cytoscape-fcose once, whichever module (explorer, union layout) asks first. */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

let registered = false;

export function useFcose(): void {
  if (registered) return;
  registered = true;
  cytoscape.use(fcose);
}
