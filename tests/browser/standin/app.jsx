// A local stand-in for x.com's compose boxes: the same Draft.js editor (npm
// draft-js 0.11.7 on React 17) inside the markup of notes/x-compose-dom.md,
// with client-side navigation that swaps boxes. Built by esbuild at test time.
import React, { useEffect, useState } from 'react';
import ReactDOM from 'react-dom';
import { CompositeDecorator, Editor, EditorState } from 'draft-js';

const POSTS = [
  { id: '1001', name: 'Dana Whitfield', handle: 'danawhit',
    text: 'Waited three hours in the ER at Mercy General last night with my dad. Nobody told us anything. Is this normal?' },
  { id: '1002', name: 'Health Desk', handle: 'healthdesk',
    text: 'Flu season is here. Where do people in your town get a flu shot without an appointment?' },
];

// Hashtags and mentions get decorator spans, as on the real site.
function regexStrategy(regex) {
  return (block, callback) => {
    const text = block.getText();
    for (const m of text.matchAll(regex)) callback(m.index, m.index + m[0].length);
  };
}
const Entity = (props) => <span className="r-entity">{props.children}</span>;
const decorator = new CompositeDecorator([
  { strategy: regexStrategy(/#\w+/g), component: Entity },
  { strategy: regexStrategy(/@\w+/g), component: Entity },
]);

// Ctrl/Cmd+Enter posts, as on x.com.
function postShortcut(event) {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.closest('[data-compose-scope]').querySelector('[data-testid^="tweetButton"]').click();
  }
}

function ComposeEditor({ index, placeholder }) {
  const [state, setState] = useState(() => EditorState.createEmpty(decorator));
  return (
    <div data-testid={`tweetTextarea_${index}RichTextInputContainer`} className="rich-input" onKeyDown={postShortcut}>
      <Editor editorState={state} onChange={setState} placeholder={placeholder}
              ariaLabel="Post text" webDriverTestID={`tweetTextarea_${index}`} spellCheck />
    </div>
  );
}

// X's toolbar row: icon buttons on the left; on the right the character
// ring (once there is text), "Add post" (not in a reply) and Post. Post
// reads the drafts of its compose scope from the DOM and logs them, so
// tests can see exactly what would have been posted.
const TOOLS = ['Media', 'GIF', 'Grok', 'Poll', 'Emoji', 'Schedule', 'Location'];

function post(button) {
  const scope = button.closest('[data-compose-scope]');
  const texts = [...scope.querySelectorAll('[data-testid^="tweetTextarea_"][contenteditable="true"]')].map((editor) =>
    [...editor.querySelectorAll('[data-block="true"]')].map((b) => b.textContent).join('\n'));
  window.dispatchEvent(new CustomEvent('standin-post', { detail: texts }));
}

function Toolbar({ inline, label = 'Post', onAdd }) {
  return (
    <div className="toolbar" data-testid="toolBar">
      <div className="tools" role="tablist">
        {TOOLS.map((name) => <button key={name} type="button" className="tool" aria-label={name}>{name[0]}</button>)}
      </div>
      <div className="send">
        <div className="ring" role="progressbar" aria-label="Characters" />
        {onAdd && <button type="button" className="add" data-testid="addButton" aria-label="Add post" onClick={onAdd}>+</button>}
        <button type="button" className="post" data-testid={inline ? 'tweetButtonInline' : 'tweetButton'}
                onClick={(event) => post(event.currentTarget)}>
          {label}
        </button>
      </div>
    </div>
  );
}

function Post({ post, onReply }) {
  return (
    <article data-testid="tweet" className="post-article">
      <div data-testid="User-Name"><b>{post.name}</b> <span>@{post.handle}</span></div>
      <div data-testid="tweetText" lang="en">{post.text}</div>
      <time dateTime="2024-11-20T10:00:00.000Z">Nov 20</time>
      {onReply && <button type="button" data-testid="reply" onClick={() => onReply(post)}>Reply</button>}
    </article>
  );
}

function Dialog({ title, onClose, children }) {
  return (
    <div className="layers">
      <div className="mask" />
      <div role="dialog" aria-modal="true" aria-labelledby="dialog-title" className="dialog" data-compose-scope>
        <div className="dialog-head">
          <button type="button" data-testid="app-bar-close" aria-label="Close" onClick={onClose}>&#10005;</button>
          <span id="dialog-title">{title}</span>
        </div>
        {children}
      </div>
    </div>
  );
}

function ThreadDialog({ onClose }) {
  const [count, setCount] = useState(1);
  return (
    <Dialog title="New post" onClose={onClose}>
      {Array.from({ length: count }, (_, i) => <ComposeEditor key={i} index={i} placeholder={i ? 'Add another post' : 'What is happening?!'} />)}
      <Toolbar label={count > 1 ? 'Post all' : 'Post'} onAdd={() => setCount(count + 1)} />
    </Dialog>
  );
}

function ReplyDialog({ post, onClose }) {
  return (
    <Dialog title="Reply" onClose={onClose}>
      <Post post={post} />
      <div className="replying">Replying to <a href={`/${post.handle}`}>@{post.handle}</a></div>
      <ComposeEditor index={0} placeholder="Post your reply" />
      <Toolbar label="Reply" />
    </Dialog>
  );
}

function App() {
  const [path, setPath] = useState(location.pathname);
  const [replyTo, setReplyTo] = useState(null);
  const [posted, setPosted] = useState([]);
  useEffect(() => {
    const onPost = (event) => setPosted((list) => [...list, event.detail]);
    addEventListener('standin-post', onPost);
    return () => removeEventListener('standin-post', onPost);
  }, []);
  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const go = (to) => (event) => {
    event?.preventDefault();
    history.pushState({}, '', to);
    setPath(to);
  };
  const closeDialog = () => { setReplyTo(null); history.back(); };
  const page = path.startsWith('/compose') ? '/home' : path;  // dialogs open over Home
  // A post's own page (/handle/status/id): the post, and the inline reply box under it.
  const statusId = /^\/\w+\/status\/(\d+)/.exec(page)?.[1];
  const status = statusId ? POSTS.find((p) => p.id === statusId) : null;
  return (
    <div className="app">
      <nav aria-label="Primary">
        <a href="/home" data-testid="AppTabBar_Home_Link" onClick={go('/home')}>Home</a>
        <a href="/explore" data-testid="AppTabBar_Explore_Link" onClick={go('/explore')}>Explore</a>
        <a href="/compose/post" data-testid="SideNav_NewTweet_Button" onClick={go('/compose/post')}>Post</a>
      </nav>
      <main>
        {page === '/explore'
          ? <section><h1>Explore</h1><p>Trends for you.</p></section>
          : status ? <section>
              <h1>Post</h1>
              <Post post={status} />
              <div className="inline-compose" data-compose-scope>
                <ComposeEditor key={'status'} index={0} placeholder="Post your reply" />
                <Toolbar inline label="Reply" />
              </div>
            </section>
          : <section>
              <h1>Home</h1>
              <div className="inline-compose" data-compose-scope>
                <ComposeEditor key={'home'} index={0} placeholder="What is happening?!" />
                <Toolbar inline onAdd={go('/compose/post')} />
              </div>
              {POSTS.map((p) => <Post key={p.id} post={p} onReply={(post) => { setReplyTo(post); go('/compose/post')(); }} />)}
            </section>}
        <ol data-testid="posted" className="posted">{posted.map((texts, i) => <li key={i}>{texts.join(' / ')}</li>)}</ol>
      </main>
      {path === '/compose/post' && (replyTo
        ? <ReplyDialog post={replyTo} onClose={closeDialog} />
        : <ThreadDialog onClose={() => history.back()} />)}
    </div>
  );
}

if (new URLSearchParams(location.search).get('theme') === 'dark') document.body.classList.add('dark');
ReactDOM.render(<App />, document.getElementById('react-root'));
