import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ChatMessage, ConversationSummary } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { ChatMessageDto, ConversationMessagesQueryDto, ConversationSummaryDto } from './dto/conversations.dto';
import { ConversationsService } from './conversations.service';

@ApiTags('chat')
@Controller('conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get()
  @Auth()
  @ApiOperation({
    summary: "The caller's conversations",
    description:
      'One per mentorship of theirs and one per mentor group they belong to, most recently active first. Live traffic goes through ' +
      'socket.io on the /chat namespace of this port (handshake `auth: {token}`): conversation:join, message:send, conversation:read, ' +
      'typing:set, presence:query and auth:refresh, each with an ack; the server emits message:new, read:update, typing:update, ' +
      'presence:update and server:shutdown.',
  })
  @ApiOkResponse({ type: [ConversationSummaryDto] })
  list(@CurrentActor() actor: Actor): Promise<ConversationSummary[]> {
    return this.conversations.list(actor);
  }

  @Get(':id/messages')
  @Auth()
  @ApiOperation({ summary: 'A page of history', description: 'The `limit` messages just before `before` (the newest without it), oldest first.' })
  @ApiOkResponse({ type: [ChatMessageDto] })
  @ApiBadRequestResponse({ description: '`before` is not a message id, or `limit` is outside 1-200' })
  @ApiNotFoundResponse({ description: 'No such conversation, or the caller is not in it' })
  messages(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: ConversationMessagesQueryDto): Promise<ChatMessage[]> {
    return this.conversations.history(actor, id, query);
  }
}
