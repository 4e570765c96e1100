import pino from 'pino';

// Read LOG_LEVEL directly: the config module itself logs through this logger.
export const logger = pino({
  level: process.env.LOG_LEVEL || 'info',
  base: { app: 'kpay' },
  redact: {
    paths: ['password', '*.password', 'authorization', '*.authorization', 'api_key', '*.api_key', 'refresh_token'],
    censor: '[redacted]',
  },
});
