import type { WorldBuilder } from './world-builder.js';
import { WORLD_CYCLES } from './world-context.js';
import type { SavedPageSnapshot, WorldPost } from './world-model.js';

/**
 * Saved copies of personal accounts' pages, the only way SIPANSOS sees personal Facebook
 * profiles and personal Instagram accounts. The markup is a small, stable stand-in (Open Graph
 * meta plus one `article` per post with `data-post-id` and a `time[datetime]`), saved at the
 * last cycle with every post that was public then.
 */
export function renderSavedPages(builder: WorldBuilder, postsByAccount: Map<string, WorldPost[]>): SavedPageSnapshot[] {
  const savedAt = WORLD_CYCLES[WORLD_CYCLES.length - 1]!.at;
  const pages: SavedPageSnapshot[] = [];
  for (const account of builder.accounts) {
    if (account.kind !== 'facebook_profile' && account.kind !== 'instagram_personal') continue;
    const platform = account.platform === 'facebook' ? 'facebook' : 'instagram';
    const url = platform === 'facebook' ? `https://www.facebook.com/${account.handle}` : `https://www.instagram.com/${account.handle}/`;
    const posts = [...(postsByAccount.get(account.id) ?? [])].filter((post) => post.deletedCycle === undefined).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    const articles = posts
      .map((post) => {
        const text = post.versions[post.versions.length - 1]!.text;
        const permalink = platform === 'facebook' ? `https://www.facebook.com/${account.handle}/posts/${post.id}` : `https://www.instagram.com/p/${post.id}/`;
        const media = post.media.map((item) => `<img src="https://example.invalid/media/${escapeHtml(item.key)}.png" alt="${escapeHtml(item.altText ?? '')}">`).join('');
        return `<article data-post-id="${escapeHtml(post.id)}"><a href="${escapeHtml(permalink)}"><time datetime="${post.createdAt}">${post.createdAt}</time></a><div class="post-text">${escapeHtml(text)}</div>${media}</article>`;
      })
      .join('\n');
    const html = [
      '<!doctype html>',
      `<html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(account.displayName)}</title>`,
      `<meta property="og:title" content="${escapeHtml(account.displayName)}">`,
      `<meta property="og:url" content="${escapeHtml(url)}">`,
      `<meta property="og:description" content="${escapeHtml(account.bio)}">`,
      `<!-- saved from url=${url} at ${savedAt} -->`,
      `</head><body><main data-profile-handle="${escapeHtml(account.handle)}">`,
      articles,
      '</main></body></html>',
    ].join('\n');
    pages.push({ platform, handle: account.handle, subjectId: account.subjectId, url, savedAt, html });
  }
  return pages;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
