import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { mineTestBlocks } from '@/lib/sandbox/mine-test-blocks';
import { sandboxOperations } from '@/lib/sandbox/operations';

export const POST = apiRoute(sandboxOperations.mineTestBlocks, ({ principal, body }) => mineTestBlocks(principal, body.network, body.blocks));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(sandboxOperations.mineTestBlocks);
