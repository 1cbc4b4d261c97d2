/** Entry point: the React app. Monaco is loaded when an editor first opens (monaco/LazyEditor.tsx). */
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

createRoot(document.getElementById('root') as HTMLElement).render(<App />);
