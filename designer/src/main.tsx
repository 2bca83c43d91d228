import '@xyflow/react/dist/style.css';
import { mountApp } from '../../ui-kit/app/mount-app.tsx';
import { App } from './app/App.tsx';
import './styles.css';

mountApp(<App />);
