"""Responsible units at their own seats (承办单位): signing for cases, return and
extension requests, progress and replies."""
