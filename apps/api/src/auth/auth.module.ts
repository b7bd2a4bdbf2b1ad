import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AdminSessionEntity } from './admin-session.entity';
import { AdminSessionGuard } from './admin-session.guard';
import { AdminUserEntity } from './admin-user.entity';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionsService } from './sessions.service';
import { SignInFailureEntity } from './sign-in-failure.entity';
import { SignInLimiter } from './sign-in-limiter';

@Module({
  imports: [TypeOrmModule.forFeature([AdminUserEntity, AdminSessionEntity, SignInFailureEntity]), AuditModule],
  controllers: [AuthController],
  providers: [AuthService, SessionsService, SignInLimiter, { provide: APP_GUARD, useClass: AdminSessionGuard }],
  exports: [SessionsService],
})
export class AuthModule {}
