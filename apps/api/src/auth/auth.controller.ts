import { Body, Delete, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionResponse } from '@goalpost/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AdminPublic } from './admin-public.decorator';
import type { AdminPrincipal } from './admin-principal';
import { AuthService, type ClientMeta, type SignedIn } from './auth.service';
import { CurrentAdmin } from './current-admin.decorator';
import { ChangePasswordDto } from './dto/change-password.dto';
import { SetupDto, SignInDto } from './dto/sign-in.dto';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie';
import { SESSION_TTL_MS, SessionsService } from './sessions.service';
import { TooManySignInAttempts } from './sign-in-limiter';
import { AdminController } from './admin-controller.decorator';

@ApiTags('Admin: session')
@AdminController()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  @Get('session')
  @AdminPublic()
  @ApiOperation({ summary: 'Who is signed in, the CSRF token, and whether first-run setup is open' })
  async session(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionResponse> {
    const token = readSessionCookie(request);
    const resolved = token ? await this.sessions.resolve(token) : null;
    if (token && resolved?.renewed) setSessionCookie(reply, request, token, SESSION_TTL_MS);
    reply.header('cache-control', 'no-store');
    return this.auth.state(resolved?.principal ?? null);
  }

  @Post('setup')
  @AdminPublic()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'First run: create the admin account and sign in (409 once it exists)' })
  async setup(@Body() dto: SetupDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionResponse> {
    return signedIn(await this.auth.setup(dto.email, dto.password, meta(request)), request, reply);
  }

  @Post('session')
  @AdminPublic()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in (429 with Retry-After after 5 failures in 15 minutes from one address, or 20 for one account)' })
  async signIn(@Body() dto: SignInDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionResponse> {
    const result = await this.auth.signIn(dto.email, dto.password, meta(request)).catch(sayWhenToRetry(reply));
    return signedIn(result, request, reply);
  }

  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: "Change the signed-in admin's password; every other session ends (400 names the field at fault)" })
  async changePassword(
    @CurrentAdmin() admin: AdminPrincipal,
    @Body() dto: ChangePasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.changePassword(admin, dto.currentPassword, dto.newPassword, meta(request)).catch(sayWhenToRetry(reply));
  }

  @Delete('session')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Sign out' })
  async signOut(@CurrentAdmin() admin: AdminPrincipal, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.signOut(admin);
    clearSessionCookie(reply, request);
  }
}

/** A 429 from the sign-in limits carries Retry-After. */
function sayWhenToRetry(reply: FastifyReply) {
  return (error: unknown): never => {
    if (error instanceof TooManySignInAttempts) reply.header('retry-after', String(error.retryAfterSeconds));
    throw error;
  };
}

function meta(request: FastifyRequest): ClientMeta {
  const agent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof agent === 'string' ? agent : null };
}

function signedIn(result: SignedIn, request: FastifyRequest, reply: FastifyReply): SessionResponse {
  setSessionCookie(reply, request, result.token, SESSION_TTL_MS);
  reply.header('cache-control', 'no-store');
  return result.session;
}
