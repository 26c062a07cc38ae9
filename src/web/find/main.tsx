import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FindApp } from './FindApp.tsx';
import './find.css';

// The public search page: its own small entry, so it never loads the staff application.
const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element');

createRoot(root).render(
  <StrictMode>
    <FindApp />
  </StrictMode>,
);
