// How wide an image in the reading column is drawn, for the `sizes` attribute of its srcset.

/** The reading column is 42rem; on narrow screens the image spans the viewport less its padding. */
export const IMAGE_SIZES = '(min-width: 44rem) 42rem, calc(100vw - 2rem)';
