import { SingleBar } from "cli-progress";

/** Progress over a file's bytes: a bar on stderr when stderr is a terminal, nothing otherwise (pipes, CI, tests). */
export interface Progress {
  update(bytes: number): void;
  stop(): void;
}

export function createProgress(label: string, totalBytes: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY !== true || totalBytes === 0) return { update() {}, stop() {} };
  const bar = new SingleBar({
    stream,
    format: `${label} [{bar}] {percentage}% · {value}/{total} bytes · {eta_formatted} left`,
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
  });
  bar.start(totalBytes, 0);
  return {
    update(bytes) {
      bar.update(Math.min(bytes, totalBytes));
    },
    stop() {
      bar.stop();
    },
  };
}
