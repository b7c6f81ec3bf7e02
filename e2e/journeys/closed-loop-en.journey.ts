// The closed loop through the UI alone, in English: the same people and steps as in Chinese.
import { closedLoop, EN_TEXTS } from '../lib/closed-loop.ts';

closedLoop('en', EN_TEXTS);
