/** Asset bytes by storage key (`projects/<project>/<type>/<job>/<n>.<ext>`), on disk or in a bucket. */
export type ObjectStorage = {
  kind: "local" | "s3";
  /** Where the bytes go, for the start banner and the UI. */
  label: string;
  put: (key: string, bytes: Uint8Array, contentType: string) => Promise<void>;
  stat: (key: string) => Promise<{ size: number } | undefined>;
  /** The object, or the inclusive byte range of it, as a web stream. */
  read: (key: string, range?: { start: number; end: number }) => Promise<ReadableStream<Uint8Array>>;
  remove: (key: string) => Promise<void>;
};

const KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

/** Keys are built by the app; anything that could climb out of its folder is a bug, refused loudly. */
export function assertStorageKey(key: string): void {
  if (!KEY.test(key) || key.split("/").some((part) => part === "" || part === "." || part === "..")) {
    throw new Error(`Not a valid storage key: ${key}`);
  }
}
