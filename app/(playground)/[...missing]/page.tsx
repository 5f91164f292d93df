import { notFound } from "next/navigation";

/**
 * Any path no route claims. Next's built-in 404 is prerendered at build time,
 * so it cannot carry the per-request CSP nonce and its scripts would be
 * refused; sending unknown paths here renders the 404 on request instead,
 * inside the playground's layout (nonce and all), with status 404.
 */
export default function MissingPage(): never {
  notFound();
}
