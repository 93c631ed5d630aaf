import type { NotificationTemplate } from './template';

/** params: other (the other person's name), role (the recipient's: mentor or mentee), program. */
export const matchMade: NotificationTemplate = {
  en: {
    title: (c) => (c.text('role') === 'mentor' ? `You have a new mentee: ${c.text('other')}` : `You have been matched with a mentor: ${c.text('other')}`),
    body: (c) =>
      c.text('role') === 'mentor'
        ? `${c.text('other')} is now your mentee in ${c.text('program')}. Say hello in the chat.`
        : `${c.text('other')} is now your mentor in ${c.text('program')}. Say hello in the chat.`,
  },
  fa: {
    title: (c) => (c.text('role') === 'mentor' ? `منتی تازهٔ شما: ${c.text('other')}` : `منتور شما: ${c.text('other')}`),
    body: (c) =>
      c.text('role') === 'mentor'
        ? `${c.text('other')} از این پس منتی شما در ${c.text('program')} است. در گفتگو به او سلام کنید.`
        : `${c.text('other')} از این پس منتور شما در ${c.text('program')} است. در گفتگو به او سلام کنید.`,
  },
};
