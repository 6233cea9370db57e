/** All resolvers, merged. */
import type { Resolvers } from '../generated/resolvers-types.js';
import { JSONScalar } from '../scalars.js';
import { analysisResolvers } from './analysis.js';
import { chainResolvers } from './chains.js';
import { consoleResolvers } from './console.js';
import { frameResolvers } from './frames.js';
import { lookupResolvers } from './lookup.js';
import { typeResolvers } from './types.js';

export const resolvers: Resolvers = {
  JSON: JSONScalar,
  Query: { ...lookupResolvers, ...frameResolvers, ...chainResolvers, ...consoleResolvers, ...analysisResolvers },
  ...typeResolvers,
};
