import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role, type AuditEntryResponse } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { AuditLogService } from './audit-log.service';
import { AuditLogQuery } from './dto/audit-log.dto';

@ApiTags('audit')
@Controller()
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get('programs/:id/audit-log')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOkResponse({ description: "The program's audit trail, newest first: coordinators of the program and admins. The number of matching entries is in X-Total-Count" })
  async list(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: AuditLogQuery, @Res({ passthrough: true }) res: FastifyReply): Promise<AuditEntryResponse[]> {
    const { entries, total } = await this.auditLog.list(actor, id, query);
    res.header('X-Total-Count', String(total));
    return entries;
  }
}
