/** Finds a Java runtime and compiler new enough for the pinned Neo4j. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { StartupError } from './startup-error.js';

export const REQUIRED_JAVA = 17;

export interface JavaTools {
  readonly java: string;
  readonly javac: string;
  readonly version: number;
  /** What `java -version` printed: names the exact runtime (a class-data archive is only good for it). */
  readonly description: string;
}

function toolPath(javaHome: string | undefined, tool: 'java' | 'javac'): string {
  if (javaHome !== undefined) {
    const candidate = path.join(javaHome, 'bin', tool);
    if (existsSync(candidate)) return candidate;
  }
  return tool;
}

/** "openjdk version "17.0.15" 2025-04-15" -> 17; "java version "1.8.0_392"" -> 8. */
export function parseJavaVersion(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

export function findJava(javaHome: string | undefined): JavaTools {
  if (javaHome !== undefined && !existsSync(path.join(javaHome, 'bin', 'java'))) {
    throw new StartupError(
      `JAVA_HOME is set to ${javaHome}, but there is no bin/java there. Point JAVA_HOME at a JDK ${REQUIRED_JAVA}+ (or unset it to use the java on PATH).`,
    );
  }
  const java = toolPath(javaHome, 'java');
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new StartupError(
      `Java ${REQUIRED_JAVA} or newer is needed to run the embedded Neo4j, but no "java" was found` +
        (javaHome === undefined ? ' on PATH' : ` under JAVA_HOME=${javaHome}`) +
        `. Install a JDK ${REQUIRED_JAVA}+ (for example: apt-get install openjdk-17-jdk-headless), or set NEO4J_URI to use an existing Neo4j.`,
    );
  }
  const version = parseJavaVersion(`${probe.stderr}${probe.stdout}`);
  if (version === undefined || version < REQUIRED_JAVA) {
    throw new StartupError(
      `Java ${REQUIRED_JAVA} or newer is needed to run the embedded Neo4j (Neo4j 5.26 LTS), but ${java} is Java ${version ?? 'of an unknown version'}. ` +
        `Install a JDK ${REQUIRED_JAVA}+ and put it on PATH or in JAVA_HOME.`,
    );
  }
  const javac = toolPath(javaHome, 'javac');
  const compiler = spawnSync(javac, ['-version'], { encoding: 'utf8' });
  if (compiler.error !== undefined || compiler.status !== 0) {
    throw new StartupError(
      `A Java ${REQUIRED_JAVA}+ JDK (with javac) is needed to build the Neo4j launcher once, but only a runtime was found at ${java}. Install a JDK, not just a JRE.`,
    );
  }
  return { java, javac, version, description: `${probe.stderr}${probe.stdout}`.trim() };
}
