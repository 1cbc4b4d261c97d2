/** Entry point: the React app. Monaco is loaded when an editor first opens (monaco/LazyEditor.tsx). */
// first: the page's requests and its analysis worker start before the other modules are evaluated
import './boot.ts';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

createRoot(document.getElementById('root') as HTMLElement).render(<App />);
