import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@api/config/app-config';
import { dataSourceOptions } from './data-source-options';
import { AppSettingsService } from './app-settings.service';
import { AppSettingEntity } from './app-setting.entity';
import { ChangeFeed } from './change-feed';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.DATABASE_URL), retryAttempts: 10, retryDelay: 2_000 }),
    }),
    TypeOrmModule.forFeature([AppSettingEntity]),
  ],
  providers: [AppSettingsService, ChangeFeed],
  exports: [AppSettingsService, ChangeFeed],
})
export class DatabaseModule {}
