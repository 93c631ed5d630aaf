import { ChatBroadcaster } from './chat.broadcaster';
import type { ChatNamespace } from './chat.types';

function fakeNamespace() {
  const everywhere = { emit: jest.fn(), disconnectSockets: jest.fn() };
  const here = { emit: jest.fn(), disconnectSockets: jest.fn() };
  const nsp = { to: jest.fn(() => everywhere), on: jest.fn(), local: { to: jest.fn(() => here) } };
  return { nsp: nsp as unknown as ChatNamespace, everywhere, here };
}

describe('ChatBroadcaster', () => {
  it('sends presence, reads, typing and forum posts to every instance while attached', () => {
    const f = fakeNamespace();
    const broadcaster = new ChatBroadcaster();
    broadcaster.attach(f.nsp);
    broadcaster.presence(['u1'], { userId: 'u2', online: false });
    broadcaster.disconnectUser('u3');
    expect(f.everywhere.emit).toHaveBeenCalledWith('presence:update', { userId: 'u2', online: false });
    expect(f.everywhere.disconnectSockets).toHaveBeenCalledWith(true);
    expect(f.here.emit).not.toHaveBeenCalled();
  });

  it('once detached (the app closing, its adapter about to close), sends to this instance only', () => {
    const f = fakeNamespace();
    const broadcaster = new ChatBroadcaster();
    broadcaster.attach(f.nsp);
    broadcaster.detach();
    broadcaster.presence(['u1'], { userId: 'u2', online: false });
    broadcaster.disconnectUser('u3');
    expect(f.here.emit).toHaveBeenCalledWith('presence:update', { userId: 'u2', online: false });
    expect(f.here.disconnectSockets).toHaveBeenCalledWith(true);
    expect(f.everywhere.emit).not.toHaveBeenCalled();
  });
});
