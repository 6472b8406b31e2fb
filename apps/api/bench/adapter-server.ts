// One Nest application on the adapter named in argv[2], with the same global pipe, error filter and
// request logging as Yardstick, but no database: what differs between runs is only the adapter.
import 'reflect-metadata';
import { Body, Controller, Get, Module, Post, Query } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { LoggerModule } from 'nestjs-pino';
import { pino } from 'pino';
import { HttpErrorFilter } from '../src/common/errors/http-error.filter.js';
import { createValidationPipe } from '../src/common/validation.js';
import { httpLoggerParams } from '../src/config/logger.js';

class PageQuery {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  size = 50;
}

class ResultInput {
  @IsString()
  standardId!: string;

  @IsString()
  period!: string;

  @IsInt()
  value!: number;
}

const ITEMS = Array.from({ length: 100 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  period: `FY2026-Q${(i % 4) + 1}`,
  value: 90 + (i % 10) / 10,
  numerator: 9000 + i,
  denominator: 10_000,
  status: i % 7 === 0 ? 'not_met' : 'met',
}));

@Controller()
class BenchController {
  @Get('ping')
  ping(): { ok: true } {
    return { ok: true };
  }

  @Get('results')
  list(@Query() query: PageQuery): { items: typeof ITEMS; total: number } {
    return { items: ITEMS.slice(0, query.size), total: ITEMS.length };
  }

  @Post('results')
  create(@Body() body: ResultInput): ResultInput {
    return body;
  }
}

@Module({
  imports: [
    LoggerModule.forRoot(
      httpLoggerParams(pino({ level: 'info' }, pino.destination(process.env.BENCH_LOG ?? '/dev/null'))),
    ),
  ],
  controllers: [BenchController],
  providers: [
    { provide: APP_FILTER, useClass: HttpErrorFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
})
class BenchModule {}

const adapter = process.argv[2] === 'fastify' ? new FastifyAdapter() : new ExpressAdapter();
const app = await NestFactory.create(BenchModule, adapter, { logger: false });
app.setGlobalPrefix('api');
await app.listen(Number(process.argv[3]), '127.0.0.1');
process.send?.('ready');
