import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { AdminSessionGuard } from './admin-session.guard';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { SessionsService } from './sessions.service';
import { SignInLimiter } from './sign-in-limiter';

@Module({
  imports: [AuditModule],
  controllers: [AuthController],
  providers: [AuthRepository, AuthService, SessionsService, SignInLimiter, { provide: APP_GUARD, useClass: AdminSessionGuard }],
  exports: [SessionsService],
})
export class AuthModule {}
