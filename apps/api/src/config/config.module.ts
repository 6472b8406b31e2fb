import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { DATABASE_MODE } from '../database/database.tokens.js';
import type { AppConfig } from './app.config.js';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Makes the validated configuration and the clock injectable everywhere; nothing else reads process.env. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, databaseMode: 'external' | 'embedded', clock: Clock): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_MODE, useValue: databaseMode },
        { provide: Clock, useValue: clock },
      ],
      exports: [APP_CONFIG, DATABASE_MODE, Clock],
    };
  }
}
