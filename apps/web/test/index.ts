// `node --test apps/web/test/` loads this folder as a module (Node 22+ no longer expands a folder itself).
import './i18n.test.ts';
import './portal-size.test.ts';
