/**
 * Facilitator prompts, a few per step: open questions that invite people to
 * tell what they saw and why it made sense at the time. None asks "why did
 * you", none has a yes-or-no answer. The facilitator reads them, asks one,
 * and then mostly listens.
 */
import type { StepId } from './types';

export const FACILITATOR_PROMPTS: Readonly<Record<StepId, readonly string[]>> = {
  gather: [
    'Where did the first sign of trouble show up, and who saw it?',
    'What was going on just before: a deploy, a traffic change, a quiet evening?',
    'Which moments are missing from the timeline, and who could fill them in?',
    'Where did the conversation happen (chat, a call, a ticket), and what was said there that is not written down yet?',
  ],
  perspectives: [
    'What did you see first, and where?',
    'What did you expect to happen next?',
    'What were customers telling support, and in what words?',
    'What did product or communications have to decide before the facts were in?',
    'Who felt this incident that we have not heard from yet?',
  ],
  hold: [
    'Walk us through your part as it felt at the time: what did you know, and what were you unsure of?',
    'What made the next step look like the right one then?',
    'What surprised you?',
    'Where did you have to work around a tool, a permission or a process?',
    'What would have made this easier for you?',
  ],
  writeUp: [
    'How would you tell a new teammate what happened, in two sentences?',
    'Which conditions had to line up for this to happen?',
    'What do we still not understand?',
    'What will we keep doing, and what will we change?',
    'Which one or two changes would make the biggest difference, and fit into the next month or two?',
  ],
};

/** A reminder shown with the prompts: the facilitator's own part in the conversation. */
export const FACILITATOR_NOTE = 'Ask, then listen: the facilitator should be the person in the room who talks least.';
