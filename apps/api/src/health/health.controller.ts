import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { ApiErrorBody, HealthResponse } from '@pm/contracts';
import { Public } from '@api/common/access.decorators';

// A load balancer must get an answer quickly even when the database hangs rather than refuses.
const PROBE_TIMEOUT_MS = 1_500;

@ApiTags('ops')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: '{status: "ok"} when the database answers' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer' })
  async health(@Res({ passthrough: true }) res: FastifyReply): Promise<HealthResponse | (ApiErrorBody & HealthResponse)> {
    if (await this.databaseAnswers()) return { status: 'ok', database: 'up' };
    res.status(HttpStatus.SERVICE_UNAVAILABLE);
    res.header('Retry-After', '5');
    return { statusCode: 503, error: 'Service Unavailable', message: 'The database is not answering', code: 'DATABASE_UNAVAILABLE', status: 'unavailable', database: 'down' };
  }

  private async databaseAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS)));
    const probe = this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
