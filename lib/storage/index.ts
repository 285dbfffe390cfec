import "server-only";
import { assetsPath, env } from "@/lib/env";
import { createLocalDiskStorage } from "./local-disk";
import { createS3Storage } from "./s3";
import type { ObjectStorage } from "./types";

const globalForStorage = globalThis as typeof globalThis & { __reelboardStorage?: ObjectStorage };

/** The storage driver the environment chooses: an S3 bucket when S3_BUCKET is set, local disk otherwise. */
export function getStorage(): ObjectStorage {
  return (globalForStorage.__reelboardStorage ??= env.S3_BUCKET
    ? createS3Storage({
        bucket: env.S3_BUCKET,
        region: env.S3_REGION,
        endpoint: env.S3_ENDPOINT,
        forcePathStyle: env.S3_FORCE_PATH_STYLE,
        credentials:
          env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
            ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
            : undefined,
      })
    : createLocalDiskStorage(assetsPath()));
}
