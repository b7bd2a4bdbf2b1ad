import { DynamicModule, Module } from '@nestjs/common';
import { locateDashboard } from './dashboard-files';
import { DASHBOARD_ROOT, WebController } from './web.controller';

@Module({})
export class WebModule {
  /** `root`: the dashboard's dist folder; by default apps/web/dist when it is built, else null. */
  static forRoot(root?: string | null): DynamicModule {
    return {
      module: WebModule,
      controllers: [WebController],
      providers: [{ provide: DASHBOARD_ROOT, useFactory: () => (root === undefined ? locateDashboard() : root) }],
      exports: [DASHBOARD_ROOT],
    };
  }
}
