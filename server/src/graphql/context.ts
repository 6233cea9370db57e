/** What every resolver receives: the database door, settings, and this request's loaders. */
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  readonly db: Database;
  readonly config: Config;
  readonly loaders: Loaders;
}

export function createContext(db: Database, config: Config): Context {
  return { db, config, loaders: createLoaders(db) };
}
