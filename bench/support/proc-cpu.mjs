// CPU accounting from /proc (Linux), shared by the benchmarks: a process's CPU so far, the processes that match a
// predicate, the PostgreSQL backends connected to one database.
import { readFileSync, readdirSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** Fields of /proc/<pid>/stat after the command name, which may itself hold spaces and parentheses. */
function statFields(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** User and system CPU of a process so far, in ms; 0 once it is gone. */
export function procCpuMs(pid) {
  try {
    const fields = statFields(pid);
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime
  } catch {
    return 0;
  }
}

/** Processes whose command line (and parent pid) satisfy `predicate`. */
export function pidsWhere(predicate) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (predicate(cmdline, Number(statFields(entry)[1]))) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** The PostgreSQL backends connected to `database` now (their process title names it). */
export const backendsOf = (database) => pidsWhere((cmd) => cmd.startsWith('postgres: ') && cmd.includes(` ${database} `));
