import { Module } from '@nestjs/common';
import { PublicCache } from './public-cache.service.js';
import { PublicController } from './public.controller.js';
import { PublicQueries } from './public.queries.js';
import { PublicService } from './public.service.js';

/** The public site's data: published standards, certified results, cached until public data changes. */
@Module({
  controllers: [PublicController],
  providers: [PublicQueries, PublicService, PublicCache],
  exports: [PublicService, PublicCache],
})
export class PublicModule {}
