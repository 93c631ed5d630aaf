import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ForumThread, ForumThreadDetail } from '@pm/contracts';
import { renderWithProviders } from '@web/test/render';
import { ForumText } from './forum-text';
import { ThreadList } from './thread-list';
import { ThreadView } from './thread-view';

const thread: ForumThread = {
  id: '0b8f6a2e-4c55-4e3a-9d57-5bd1d2f0a001',
  programId: '5d1f6c1e-7d55-4b8e-9d0b-0c7c1b1a2f10',
  title: 'How do I study anatomy?',
  body: 'Any tips?',
  tags: ['anatomy', 'exams'],
  author: null,
  anonymous: true,
  createdAt: '2026-11-01T09:00:00.000Z',
  replyCount: 2,
  acceptedReplyId: null,
  pinned: false,
  canAccept: true,
  mine: true,
};

describe('ForumText', () => {
  it('shows markup as text and makes web addresses links that open safely', async () => {
    await renderWithProviders(<ForumText text={'<img src=x onerror=alert(1)> see https://example.org/notes\nsecond line'} />);
    const box = document.querySelector('.forum-text') as HTMLElement;
    expect(box.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(box.querySelector('img')).toBeNull();
    const link = within(box).getByRole('link', { name: 'https://example.org/notes' });
    expect(link.getAttribute('href')).toBe('https://example.org/notes');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(link.getAttribute('target')).toBe('_blank');
  });
});

describe('ThreadList', () => {
  it('shows an anonymous question as "Anonymous mentee", with its topics and answers', async () => {
    await renderWithProviders(<ThreadList threads={[thread]} emptyText="none" />);
    const card = screen.getByTestId('forum-thread-card');
    expect(card.textContent).toContain('Anonymous mentee');
    expect(card.textContent).toContain('Anatomy');
    expect(card.textContent).toContain('2 answers');
  });

  it('in Persian, in Persian words and digits', async () => {
    await renderWithProviders(<ThreadList threads={[thread]} emptyText="none" />, { language: 'fa' });
    const text = screen.getByTestId('forum-thread-card').textContent ?? '';
    expect(text).toContain('منتی ناشناس');
    expect(text).toContain('۲ پاسخ');
    expect(text).toContain('آناتومی');
  });
});

describe('ThreadView', () => {
  const detail: ForumThreadDetail = {
    ...thread,
    acceptedReplyId: 'a2',
    replies: [
      { id: 'a1', threadId: thread.id, body: 'First', author: { id: 'u1', fullName: 'Reza', role: 'mentee' }, createdAt: '2026-11-01T10:00:00.000Z' },
      { id: 'a2', threadId: thread.id, body: 'Second, accepted', author: { id: 'u2', fullName: 'Ali', role: 'mentor' }, createdAt: '2026-11-01T11:00:00.000Z' },
    ],
  };

  it('puts the accepted answer first, marks mentors, and offers students a report button, not moderation', async () => {
    await renderWithProviders(<ThreadView thread={detail} />);
    const accepted = screen.getByTestId('forum-accepted-reply');
    expect(accepted.textContent).toContain('Second, accepted');
    expect(accepted.textContent).toContain('Mentor');
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toBe(accepted);
    expect(screen.queryByRole('button', { name: 'Hide from students' })).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Mark as the answer' })).toHaveLength(1);
  });

  it('gives coordinators (who are sent hiddenAt) hide and pin instead of report', async () => {
    await renderWithProviders(<ThreadView thread={{ ...detail, hiddenAt: null, replies: detail.replies.map((r) => ({ ...r, hiddenAt: null })) }} />);
    expect(screen.getAllByRole('button', { name: 'Hide from students' }).length).toBe(3);
    expect(screen.getByRole('button', { name: 'Pin as a resource' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Report' })).toBeNull();
  });
});
