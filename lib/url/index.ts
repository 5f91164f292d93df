export {
  LINK_FORMAT_VERSION,
  MAX_LINK_LENGTH,
  SHARE_PARAM,
  configFromSearchParams,
  decodeConfig,
  encodeConfig,
  shareQuery,
  shareUrl,
  type DecodeResult,
  type SearchParamsLike,
} from "./codec";
export { encodeUriComponentSafe } from "./encode";
