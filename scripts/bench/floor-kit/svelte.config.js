// The SvelteKit floor of `npm run bench`: a bare SvelteKit 2 app on the same stack as Quickscan
// (adapter-node), one page and one endpoint. Built by the bench into ./build.
import adapter from '@sveltejs/adapter-node';

export default { kit: { adapter: adapter() } };
