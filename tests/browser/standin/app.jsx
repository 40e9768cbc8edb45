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

function ComposeEditor({ index, placeholder }) {
  const [state, setState] = useState(() => EditorState.createEmpty(decorator));
  return (
    <div data-testid={`tweetTextarea_${index}RichTextInputContainer`} className="rich-input">
      <Editor editorState={state} onChange={setState} placeholder={placeholder}
              ariaLabel="Post text" webDriverTestID={`tweetTextarea_${index}`} spellCheck />
    </div>
  );
}

function Toolbar({ inline, label = 'Post' }) {
  return (
    <div className="toolbar">
      <span className="icons">Media · GIF · Poll</span>
      <button type="button" className="post" data-testid={inline ? 'tweetButtonInline' : 'tweetButton'}>
        {label}
      </button>
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
      <div role="dialog" aria-modal="true" aria-labelledby="dialog-title" className="dialog">
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
      <button type="button" data-testid="addButton" onClick={() => setCount(count + 1)}>Add post</button>
      <Toolbar />
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
          : <section>
              <h1>Home</h1>
              <div className="inline-compose">
                <ComposeEditor key={'home'} index={0} placeholder="What is happening?!" />
                <Toolbar inline />
              </div>
              {POSTS.map((p) => <Post key={p.id} post={p} onReply={(post) => { setReplyTo(post); go('/compose/post')(); }} />)}
            </section>}
      </main>
      {path === '/compose/post' && (replyTo
        ? <ReplyDialog post={replyTo} onClose={closeDialog} />
        : <ThreadDialog onClose={() => history.back()} />)}
    </div>
  );
}

if (new URLSearchParams(location.search).get('theme') === 'dark') document.body.classList.add('dark');
ReactDOM.render(<App />, document.getElementById('react-root'));
