// Next's ambient types (what the generated, git-ignored next-env.d.ts adds), for `npm run typecheck` before any build.
/// <reference types="next" />
/// <reference types="next/image-types/global" />
