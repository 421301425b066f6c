/**
 * The shapes of hostile shell submissions: loops, fork bombs, huge output, memory, runaway
 * docker runs. Graded by tests/cli/grade-hostile.test.ts and timed, many times over, by
 * scripts/bench-hostile-class.ts.
 */
export const HOSTILE = [
  'while true; do echo x; done',
  'while :; do :; done',
  ':(){ :|:& };:',
  'f(){ f | f & }; f',
  'f(){ f; }; f',
  'yes',
  'yes | head -c 100000000',
  'seq 1 100000000',
  'cat /dev/zero',
  'x=a; while true; do x=$x$x; done',
  'for i in $(seq 1 1000000); do echo $i; done',
  'for i in $(seq 1 100000); do docker run -d alpine sleep 1d; done',
  'sleep infinity',
  'docker run alpine sh -c "while true; do :; done"',
  'until false; do :; done',
  'echo {1..10000000}',
  'printf "%0100000000d" 0',
  'while true; do docker ps; done',
  'exec bash',
  'bash -c "$(printf \'x%.0s\' {1..1000000})"',
];
