// The closed loop through the UI alone, in Chinese (the default locale); see e2e/lib/closed-loop.ts.
import { closedLoop, ZH_TEXTS } from '../lib/closed-loop.ts';

closedLoop('zh-CN', ZH_TEXTS);
