import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { ForumReply, ForumReport, ForumThread, ForumThreadDetail } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import {
  AcceptForumReplyDto,
  CreateForumReplyDto,
  CreateForumThreadDto,
  ForumReplyDto,
  ForumReportDto,
  ForumThreadDetailDto,
  ForumThreadDto,
  ForumThreadsQueryDto,
  PinForumThreadDto,
  ReportForumPostDto,
} from './dto/forum.dto';
import { ForumModerationService } from './forum-moderation.service';
import { ForumRepliesService } from './forum-replies.service';
import { ForumThreadsService } from './forum-threads.service';

// Every route is for signed-in callers; who may act (a member of the program, its coordinators, the thread's
// author) is the services' first check, and anyone else gets 404 as for something that does not exist.

@ApiTags('forum')
@ApiNotFoundResponse({ description: 'No such program or post, or not one the caller may see' })
@Controller('programs/:id/forum')
export class ProgramForumController {
  constructor(
    private readonly threads: ForumThreadsService,
    private readonly moderation: ForumModerationService,
  ) {}

  @Post('threads')
  @Auth()
  @ApiOperation({ summary: 'Ask the program (students enrolled in it, its coordinators)', description: 'Students see an anonymous thread as "anonymous mentee", its author included; coordinators see who wrote it.' })
  @ApiCreatedResponse({ type: ForumThreadDto })
  @ApiTooManyRequestsResponse({ description: 'More than 10 posts in a minute' })
  create(@CurrentActor() actor: Actor, @Param('id') programId: string, @Body() dto: CreateForumThreadDto): Promise<ForumThread> {
    return this.threads.create(actor, programId, dto);
  }

  @Get('threads')
  @Auth()
  @ApiOperation({ summary: 'Threads, newest first', description: '`q` matches words of titles, bodies and replies, Persian and English alike (Arabic and Persian letter forms are the same word).' })
  @ApiOkResponse({ type: [ForumThreadDto] })
  @ApiBadRequestResponse({ description: 'A bad filter' })
  list(@CurrentActor() actor: Actor, @Param('id') programId: string, @Query() query: ForumThreadsQueryDto): Promise<ForumThread[]> {
    return this.threads.list(actor, programId, query);
  }

  @Get('reports')
  @Auth()
  @ApiOperation({ summary: "Members' reports awaiting a coordinator (coordinators of the program)" })
  @ApiOkResponse({ type: [ForumReportDto] })
  reports(@CurrentActor() actor: Actor, @Param('id') programId: string): Promise<ForumReport[]> {
    return this.moderation.reports(actor, programId);
  }
}

@ApiTags('forum')
@ApiNotFoundResponse({ description: 'No such thread, post or report, or not one the caller may see' })
@Controller('forum')
export class ForumController {
  constructor(
    private readonly threads: ForumThreadsService,
    private readonly replies: ForumRepliesService,
    private readonly moderation: ForumModerationService,
  ) {}

  @Get('threads/:id')
  @Auth()
  @ApiOperation({ summary: 'A thread with its replies, oldest first (members of its program)' })
  @ApiOkResponse({ type: ForumThreadDetailDto })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ForumThreadDetail> {
    return this.threads.get(actor, id);
  }

  @Post('threads/:id/replies')
  @Auth()
  @ApiOperation({ summary: 'Answer (members of its program)', description: "Notifies the thread's author and earlier repliers, once until they open the thread again." })
  @ApiCreatedResponse({ type: ForumReplyDto })
  @ApiConflictResponse({ description: 'The thread is hidden' })
  @ApiTooManyRequestsResponse({ description: 'More than 10 posts in a minute' })
  reply(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CreateForumReplyDto): Promise<ForumReply> {
    return this.replies.create(actor, id, dto);
  }

  @Post('threads/:id/accept')
  @HttpCode(200)
  @Auth()
  @ApiOperation({ summary: "Mark the answer (the thread's author, a coordinator)" })
  @ApiOkResponse({ type: ForumThreadDto })
  accept(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: AcceptForumReplyDto): Promise<ForumThread> {
    return this.replies.accept(actor, id, dto);
  }

  @Post('threads/:id/pin')
  @HttpCode(200)
  @Auth()
  @ApiOperation({ summary: "Pin or unpin a thread: pinned threads are the program's resource list (coordinators)" })
  @ApiOkResponse({ type: ForumThreadDto })
  pin(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: PinForumThreadDto): Promise<ForumThread> {
    return this.moderation.pin(actor, id, dto.pinned);
  }

  @Post('posts/:id/hide')
  @HttpCode(200)
  @Auth()
  @ApiOperation({ summary: 'Hide a thread or reply from students (coordinators of its program); audited' })
  @ApiOkResponse({ description: '{id, hiddenAt}' })
  hide(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<{ id: string; hiddenAt: string | null }> {
    return this.moderation.setHidden(actor, id, true);
  }

  @Post('posts/:id/restore')
  @HttpCode(200)
  @Auth()
  @ApiOperation({ summary: 'Show a hidden thread or reply again (coordinators of its program); audited' })
  @ApiOkResponse({ description: '{id, hiddenAt: null}' })
  restore(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<{ id: string; hiddenAt: string | null }> {
    return this.moderation.setHidden(actor, id, false);
  }

  @Post('posts/:id/report')
  @Auth()
  @ApiOperation({ summary: 'Report a thread or reply to the coordinators (any member who can see it; once per post)' })
  @ApiCreatedResponse({ description: '{id}' })
  @ApiConflictResponse({ description: 'Already reported by the caller' })
  report(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReportForumPostDto): Promise<{ id: string }> {
    return this.moderation.report(actor, id, dto);
  }

  @Post('reports/:id/dismiss')
  @HttpCode(204)
  @Auth()
  @ApiOperation({ summary: 'Take a report off the list without acting on the post (coordinators of its program)' })
  async dismiss(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.moderation.dismiss(actor, id);
  }
}
