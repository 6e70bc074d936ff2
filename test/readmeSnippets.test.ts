// Every ```ts block of every package README runs as written: a reader on npm copies them verbatim.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const scratch = fileURLToPath(new URL("./.snippets/", import.meta.url));

function snippetsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? "");
}

const readmes = readdirSync(`${root}/packages`)
  .filter((name) => name !== "test-utils")
  .map((name) => ({ name, file: `${root}/packages/${name}/README.md` }));

mkdirSync(scratch, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("README snippets", () => {
  for (const { name, file } of readmes) {
    snippetsOf(file).forEach((code, index) => {
      it(`packages/${name}/README.md, ts block ${index + 1}, runs as written`, async () => {
        const path = `${scratch}/${name}-${index + 1}.ts`;
        writeFileSync(path, code);
        await expect(import(pathToFileURL(path).href)).resolves.toBeDefined();
      });
    });
  }
});
