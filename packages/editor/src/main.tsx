/** Entry point: Monaco set up locally (workers, schema, Chinese UI), then the React app. */
import './monaco/setup.ts';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

createRoot(document.getElementById('root') as HTMLElement).render(<App />);
