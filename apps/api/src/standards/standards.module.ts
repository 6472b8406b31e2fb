import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StandardVersion } from './entities/standard-version.entity.js';
import { Standard } from './entities/standard.entity.js';
import { Target } from './entities/target.entity.js';
import { StandardsController } from './standards.controller.js';
import { StandardsService } from './standards.service.js';
import { StandingService } from './standing.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Standard, StandardVersion, Target])],
  controllers: [StandardsController],
  providers: [StandardsService, StandingService],
  exports: [StandardsService, StandingService],
})
export class StandardsModule {}
