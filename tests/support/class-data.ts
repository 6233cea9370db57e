/** What the app's log says a JVM did with the class-data archive (server/src/embedded/class-data.ts). */
import { CLASS_DATA_NOTES } from '../../server/src/embedded/jvm.js';

export type ClassDataUse = keyof typeof CLASS_DATA_NOTES;

/** From the last start-up line ("start-up of JVM pid ...") in `log`: offered ('use'), recording it ('record') or none. */
export function classDataUse(log: string): ClassDataUse | undefined {
  const line = [...log.matchAll(/start-up of JVM pid \d+ \(time since the JVM started\): (.*)/g)].at(-1)?.[1];
  if (line === undefined) return undefined;
  return (Object.keys(CLASS_DATA_NOTES) as ClassDataUse[]).find((use) => line.endsWith(CLASS_DATA_NOTES[use]));
}
