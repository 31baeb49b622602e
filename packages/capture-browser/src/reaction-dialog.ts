import * as cheerio from 'cheerio';
import { handleOf, type ReactionList } from './facebook-graphql.js';

// Links inside a reactions dialog that are not people: the dialog's own tabs and help links.
const NOT_A_PROFILE = /\/(help|policies|settings|reactions|ufi|hashtag|groups|watch|photo|stories)\b/i;

/**
 * Read the reactions dialog a person opened on the page (`role="dialog"` listing who reacted),
 * as the rendered DOM shows it. The dialog names no post: its names are attributed to
 * `postId` — the one post the page shows (a permalink) — or to the post the dialog says
 * (`data-reactions-post`). Profile ids come from `data-profile-id` or `profile.php?id=`.
 */
export function readReactionDialogs(html: string, postId: string | undefined): ReactionList[] {
  if (!/role="dialog"/.test(html)) return [];
  const $ = cheerio.load(html);
  const lists: ReactionList[] = [];
  $('[role="dialog"]').each((_, dialog) => {
    const forPost = $(dialog).attr('data-reactions-post') ?? postId;
    if (!forPost || !/^[0-9A-Za-z_:-]{1,200}$/.test(forPost)) return;
    const reactors: ReactionList['reactors'] = [];
    const seen = new Set<string>();
    $(dialog)
      .find('a[href]')
      .each((__, anchor) => {
        const href = $(anchor).attr('href') ?? '';
        const name = $(anchor).text().replace(/\s+/g, ' ').trim();
        if (!name || NOT_A_PROFILE.test(href)) return;
        const handle = handleOf(href);
        const id = $(anchor).attr('data-profile-id') ?? /[?&]id=(\d{1,30})/.exec(href)?.[1];
        if (!handle && !id) return;
        const key = id ?? handle!;
        if (seen.has(key)) return;
        seen.add(key);
        const reaction = $(anchor).closest('[data-reaction]').attr('data-reaction');
        reactors.push({ ...(id && /^\d{1,30}$/.test(id) ? { id } : {}), name: name.slice(0, 300), ...(handle ? { handle } : {}), url: href.slice(0, 4000), ...(reaction ? { reaction: reaction.slice(0, 100) } : {}) });
      });
    if (reactors.length > 0) lists.push({ postId: forPost, reactors });
  });
  return lists;
}

/** JSON lists first (they carry ids); names only the DOM showed are added to the list of their post. */
export function mergeReactionLists(fromJson: readonly ReactionList[], fromDom: readonly ReactionList[]): ReactionList[] {
  const merged = fromJson.map((list) => ({ ...list, reactors: [...list.reactors] }));
  for (const list of fromDom) {
    const target = merged.find((entry) => entry.postId === list.postId);
    if (!target) {
      merged.push(list);
      continue;
    }
    for (const reactor of list.reactors) {
      const known = target.reactors.some((entry) => (reactor.id && entry.id === reactor.id) || (reactor.handle && entry.handle?.toLowerCase() === reactor.handle.toLowerCase()));
      if (!known) target.reactors.push(reactor);
    }
  }
  return merged;
}
