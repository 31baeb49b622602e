import type { PatrolSiteAccount, PatrolSitePost } from './patrol-site-people.js';

// Markup and JSON follow the shapes the real web app serves (articles with `data-ft`, the
// message in `data-ad-preview`, comments as nested articles labelled "Komentar dari …",
// Relay-style GraphQL over XHR at /api/graphql/), at a much smaller size.

export const ORIGIN = 'https://www.facebook.com';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function shell(input: { title: string; body: string; head?: string; dtsg?: string }): string {
  const tokens = input.dtsg ? `<script>requireLazy(["DTSGInitialData"],function(){});window.__dtsg=${JSON.stringify(input.dtsg)};</script><script type="application/json" data-sjs>{"define":[["DTSGInitialData",[],{"token":"${input.dtsg}"},258]]}</script>` : '';
  return `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(input.title)}</title><meta property="og:site_name" content="Facebook">${input.head ?? ''}
<style>body{font-family:sans-serif;max-width:760px;margin:0 auto}[role=article]{border:1px solid #ccc;margin:8px;padding:8px}[role=dialog]{border:2px solid #333;padding:8px}</style>
<script>function requireLazy(){}</script>${tokens}</head><body>${input.body}</body></html>`;
}

function article(post: PatrolSitePost, author: PatrolSiteAccount, accounts: Map<string, PatrolSiteAccount>): string {
  const ft = JSON.stringify({ top_level_post_id: post.id, content_owner_id_new: author.id });
  const comments = post.comments
    .map((comment) => {
      const who = accounts.get(comment.handle)!;
      return `<div role="article" aria-label="Komentar dari ${escapeHtml(who.name)}"><a href="${ORIGIN}/${who.handle}">${escapeHtml(who.name)}</a><div dir="auto">${escapeHtml(comment.text)}</div><a href="${ORIGIN}/${author.handle}/posts/${post.id}?comment_id=${comment.id}"><abbr data-utime="${comment.createdAt}">1 j</abbr></a></div>`;
    })
    .join('');
  return `<div role="article" data-ft='${escapeHtml(ft)}'><h2><a href="${ORIGIN}/${author.handle}">${escapeHtml(author.name)}</a></h2><a href="${ORIGIN}/${author.handle}/posts/${post.id}"><abbr data-utime="${post.createdAt}">${new Date(post.createdAt * 1000).toISOString().slice(0, 10)}</abbr></a><div data-ad-preview="message">${escapeHtml(post.text)}</div><div class="ufi"><span>${post.reactions.length} tanggapan</span> <button type="button" data-reactions-for="${post.id}">Lihat siapa yang menanggapi</button></div>${comments}</div>`;
}

const CLIENT = `
function gql(name, variables){
  var body = new URLSearchParams({fb_dtsg: window.__dtsg, fb_api_caller_class: 'RelayModern', fb_api_req_friendly_name: name, variables: JSON.stringify(variables), server_timestamps: 'true', doc_id: name === 'CometUFIReactionsDialogQuery' ? '9100000000000001' : '9100000000000002'});
  return fetch('/api/graphql/', {method: 'POST', credentials: 'same-origin', headers: {'content-type': 'application/x-www-form-urlencoded', 'x-fb-friendly-name': name}, body: body}).then(function(r){ return r.text(); }).then(function(t){ return JSON.parse(t.split('\\n')[0]); });
}
function esc(s){ var d = document.createElement('div'); d.textContent = s; return d.innerHTML; }
document.addEventListener('click', function(event){
  var button = event.target.closest && event.target.closest('[data-reactions-for]');
  if (!button) return;
  var postId = button.getAttribute('data-reactions-for');
  gql('CometUFIReactionsDialogQuery', {feedbackTargetID: btoa('feedback:' + postId), scale: 1}).then(function(json){
    var edges = json.data.node.reactors.edges;
    var dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog'); dialog.setAttribute('aria-label', 'Reaksi'); dialog.setAttribute('data-reactions-post', postId);
    dialog.innerHTML = '<h3>Semua reaksi</h3>' + edges.map(function(edge){ return '<div role="listitem" data-reaction="' + esc(edge.feedback_reaction_info.localized_name) + '"><a href="' + esc(edge.node.url) + '" data-profile-id="' + esc(edge.node.id) + '">' + esc(edge.node.name) + '</a></div>'; }).join('');
    document.body.appendChild(dialog);
    document.body.setAttribute('data-reactions-loaded', postId);
  });
});
`;

/** A profile or Page with its first posts in the HTML and the rest fetched over GraphQL. */
export function profilePage(input: { account: PatrolSiteAccount; posts: PatrolSitePost[]; accounts: Map<string, PatrolSiteAccount>; inlinePosts: number; dtsg: string; thirdPartyImage?: string }): string {
  const { account } = input;
  const inline = input.posts.slice(0, input.inlinePosts).map((post) => article(post, account, input.accounts)).join('');
  const more = input.posts.length > input.inlinePosts;
  const loader = more
    ? `gql('ProfileCometTimelineFeedRefetchQuery', {id: ${JSON.stringify(account.id)}, count: 1000, cursor: ${JSON.stringify(String(input.inlinePosts))}}).then(function(json){
  var edges = json.data.node.timeline_list_feed_units.edges; var feed = document.getElementById('feed');
  edges.forEach(function(edge){ var n = edge.node; var a = n.actors[0]; var el = document.createElement('div'); el.setAttribute('role','article'); el.setAttribute('data-ft', JSON.stringify({top_level_post_id: n.post_id, content_owner_id_new: a.id}));
    el.innerHTML = '<h2><a href="' + esc(a.url) + '">' + esc(a.name) + '</a></h2><a href="' + esc(n.url) + '"><abbr data-utime="' + n.creation_time + '">' + new Date(n.creation_time * 1000).toISOString().slice(0, 10) + '</abbr></a><div data-ad-preview="message">' + esc(n.message.text) + '</div>';
    feed.appendChild(el); });
  document.body.setAttribute('data-feed-loaded', '1');
});`
    : `document.body.setAttribute('data-feed-loaded', '1');`;
  const head = `<meta property="og:title" content="${escapeHtml(account.name)}"><meta property="og:description" content="${escapeHtml(account.bio)}"><meta property="og:url" content="${ORIGIN}/${account.handle}"><meta property="al:android:url" content="fb://${account.kind === 'Page' ? 'page' : 'profile'}/${account.id}">`;
  const image = input.thirdPartyImage ? `<img src="${escapeHtml(input.thirdPartyImage)}" alt="spanduk" width="40" height="20">` : '';
  return shell({
    title: `${account.name} | Facebook`,
    head,
    dtsg: input.dtsg,
    body: `<div data-pagelet="ProfileTimeline"><h1>${escapeHtml(account.name)}</h1><p>${escapeHtml(account.bio)}</p>${image}<div id="feed">${inline}</div></div><script>${CLIENT}${loader}</script>`,
  });
}

/** One post on its own (a permalink), with its comments and the reactions button. */
export function postPage(input: { post: PatrolSitePost; author: PatrolSiteAccount; accounts: Map<string, PatrolSiteAccount>; dtsg: string }): string {
  const head = `<meta property="og:title" content="${escapeHtml(input.author.name)}"><meta property="og:url" content="${ORIGIN}/${input.author.handle}/posts/${input.post.id}">`;
  return shell({ title: `${input.author.name} - ${input.post.text.slice(0, 40)} | Facebook`, head, dtsg: input.dtsg, body: `<div id="feed">${article(input.post, input.author, input.accounts)}</div><script>${CLIENT}document.body.setAttribute('data-feed-loaded','1');</script>` });
}

export function unavailablePage(dtsg: string): string {
  return shell({ title: 'Facebook', dtsg, body: `<div role="main"><h2>Konten ini tidak tersedia saat ini</h2><p>Hal ini biasanya terjadi karena pemilik hanya membagikannya dengan sekelompok kecil orang, mengubah siapa yang bisa melihatnya, atau konten telah dihapus.</p><a href="${ORIGIN}/">Buka Kabar</a></div>` });
}

export function loginPage(): string {
  return shell({
    title: 'Masuk ke Facebook',
    body: `<div><h2>Masuk ke Facebook</h2><form id="login_form" action="/login/" method="post"><input name="email" type="text" placeholder="Email atau nomor telepon"><input name="pass" type="password" placeholder="Kata sandi"><button type="submit" name="login">Masuk</button></form></div>`,
  });
}

export function checkpointPage(): string {
  return shell({ title: 'Pemeriksaan keamanan', body: `<div><h2>Pemeriksaan keamanan</h2><p>Konfirmasikan bahwa ini Anda sebelum melanjutkan.</p><form action="/checkpoint/" method="post"><button type="submit">Lanjutkan</button></form></div>` });
}

export function rateLimitPage(): string {
  return shell({ title: 'Anda Diblokir Sementara', body: `<div><h2>Anda Diblokir Sementara</h2><p>Sepertinya Anda menyalahgunakan fitur ini dengan menggunakannya terlalu cepat. Anda diblokir sementara dari penggunaan fitur ini. / You're Temporarily Blocked: it looks like you were misusing this feature by going too fast.</p></div>` });
}

/** `ProfileCometTimelineFeedRefetchQuery` answer: the account's posts as Relay edges. */
export function timelineJson(account: PatrolSiteAccount, posts: PatrolSitePost[]): string {
  const edges = posts.map((post) => ({
    node: {
      __typename: 'Story',
      id: Buffer.from(`S:_I${account.id}:${post.id}`).toString('base64'),
      post_id: post.id,
      creation_time: post.createdAt,
      url: `${ORIGIN}/${account.handle}/posts/${post.id}`,
      actors: [{ __typename: account.kind, id: account.id, name: account.name, url: `${ORIGIN}/${account.handle}` }],
      message: { text: post.text },
      feedback: { reaction_count: { count: post.reactions.length } },
    },
    cursor: post.id,
  }));
  return `${JSON.stringify({ data: { node: { __typename: account.kind, id: account.id, timeline_list_feed_units: { edges, page_info: { has_next_page: false, end_cursor: null } } } }, extensions: { is_final: true } })}\n`;
}

/** `CometUFIReactionsDialogQuery` answer: who reacted to a post. */
export function reactionsJson(post: PatrolSitePost, accounts: Map<string, PatrolSiteAccount>): string {
  const edges = post.reactions.map((reaction) => {
    const who = accounts.get(reaction.handle)!;
    return { node: { __typename: who.kind, id: who.id, name: who.name, url: `${ORIGIN}/${who.handle}` }, feedback_reaction_info: { id: reaction.reaction === 'Suka' ? '1635855486666999' : '1678524932434102', localized_name: reaction.reaction }, cursor: who.id };
  });
  return `${JSON.stringify({ data: { node: { __typename: 'Feedback', id: Buffer.from(`feedback:${post.id}`).toString('base64'), reactors: { count: edges.length, edges, page_info: { has_next_page: false, end_cursor: null } } } }, extensions: { is_final: true } })}\n`;
}
