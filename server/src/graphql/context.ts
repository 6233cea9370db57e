/** What every resolver receives: the database door, settings, and this request's loaders. */
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { AnalysisService } from './analysis.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { CacheSlot } from './response-cache.js';

export interface Context {
  readonly db: Database;
  readonly config: Config;
  readonly loaders: Loaders;
  /** Analysis projections and answers kept per data revision (one per app). */
  readonly analysis: AnalysisService;
  /** Set when the response cache may keep this request's answer. */
  readonly cacheSlot?: CacheSlot | undefined;
}

export function createContext(db: Database, config: Config, analysis: AnalysisService, cacheSlot?: CacheSlot): Context {
  return { db, config, loaders: createLoaders(db), analysis, cacheSlot };
}
