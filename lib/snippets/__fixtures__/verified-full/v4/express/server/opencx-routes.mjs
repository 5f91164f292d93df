// OpenCX widget v4 (pinned to 4.0.63): the endpoint your page calls for the contact token.
// POST /api/opencx/contact-token → { token } for the signed-in user, 401 otherwise.
// Server only: OPENCX_API_KEY comes from the environment and never reaches a browser.
// Mount it with app.use(opencxRouter), after your session middleware.
import { Router } from 'express';
import { getContactToken } from './opencx-contact-token.mjs';

// TODO: return the signed-in user for this request from YOUR auth (e.g. Passport's req.user),
// or null when nobody is signed in.
async function getSignedInUser(req) {
  return req.user ?? null;
}

export const opencxRouter = Router();

opencxRouter.post('/api/opencx/contact-token', async (req, res, next) => {
  try {
    const user = await getSignedInUser(req);
    if (!user) {
      res.status(401).json({ error: 'Not signed in' });
      return;
    }
    const token = await getContactToken(user.email);
    res.set('Cache-Control', 'no-store').json({ token });
  } catch (error) {
    next(error);
  }
});
